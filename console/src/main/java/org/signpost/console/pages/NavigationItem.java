package org.signpost.console.pages;

/** A link of the header's menu. */
public record NavigationItem(String text, String href, boolean current) {
}
