package org.signpost.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PagingTest {

    private static MockHttpServletRequest search() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audit");
        request.addParameter("actor", "coordinator");
        request.addParameter("person", "");
        request.addParameter("page", "5");
        return request;
    }

    private static String numbers(Paging paging) {
        return String.join(" ", paging.items().stream()
                .map(item -> item.number() == null ? "…" : item.current() ? "[" + item.number() + "]" : "" + item.number())
                .toList());
    }

    @Test
    void theFirstTheLastAndThePagesAroundTheOneShownWithAnEllipsisBetween() {
        assertThat(numbers(Paging.of(search(), 5, 50, 500, 50))).isEqualTo("1 … 4 [5] 6 … 10");
        assertThat(numbers(Paging.of(search(), 1, 50, 500, 50))).isEqualTo("[1] 2 … 10");
        assertThat(numbers(Paging.of(search(), 10, 50, 500, 50))).isEqualTo("1 … 9 [10]");
        assertThat(numbers(Paging.of(search(), 3, 50, 200, 50))).isEqualTo("1 2 [3] 4");
    }

    @Test
    void eachLinkKeepsTheQueryAndNamesAnotherPage() {
        Paging paging = Paging.of(search(), 5, 50, 500, 50);
        assertThat(paging.previous()).isEqualTo("/audit?actor=coordinator&person=&page=4");
        assertThat(paging.next()).isEqualTo("/audit?actor=coordinator&person=&page=6");
        assertThat(paging.first()).isEqualTo(201);
        assertThat(paging.last()).isEqualTo(250);
    }

    @Test
    void onePageNeedsNoPaginationAndAPageBeyondTheLastShowsNothing() {
        assertThat(Paging.of(search(), 1, 50, 12, 12).shown()).isFalse();
        Paging beyond = Paging.of(search(), 9, 50, 60, 0);
        assertThat(beyond.first()).isZero();
        assertThat(beyond.next()).isNull();
        assertThat(beyond.previous()).endsWith("page=2");
        assertThat(Paging.requested("abc")).isEqualTo(1);
        assertThat(Paging.requested("-3")).isEqualTo(1);
        assertThat(Paging.requested(" 7 ")).isEqualTo(7);
    }
}
