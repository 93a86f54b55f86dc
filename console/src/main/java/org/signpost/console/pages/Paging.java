package org.signpost.console.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The design system's numbered pagination for a paged API answer: the pages around the one shown,
 * the first and the last, each a link to this same page with the same query and another
 * {@code page} (from 1, where the API counts from 0).
 *
 * @param page  the page shown, from 1
 * @param pages how many pages there are (at least 1)
 * @param total how many the API found in all (its X-Total-Count)
 * @param first the number of the first row shown (from 1), 0 if none
 * @param last  the number of the last row shown
 * @param items the numbered links, null where the design system shows an ellipsis
 */
public record Paging(int page, int pages, long total, long first, long last, List<Item> items, String previous,
                     String next) {

    /** A numbered link; {@code number} null for an ellipsis. */
    public record Item(Integer number, String href, boolean current) {
    }

    /** The page a query string asks for, from 1; anything that is not a page number is the first. */
    static int requested(String typed) {
        try {
            int page = typed == null ? 1 : Integer.parseInt(typed.strip());
            return Math.max(page, 1);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static Paging of(HttpServletRequest request, int page, int size, long total, int shown) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        List<Item> items = new ArrayList<>();
        Integer previousNumber = null;
        for (int number = 1; number <= pages; number++) {
            boolean near = Math.abs(number - page) <= 1;
            if (number == 1 || number == pages || near) {
                if (previousNumber != null && number - previousNumber > 1) {
                    items.add(new Item(null, null, false));
                }
                items.add(new Item(number, href(request, number), number == page));
                previousNumber = number;
            }
        }
        long first = shown == 0 ? 0 : (long) (page - 1) * size + 1;
        return new Paging(page, pages, total, first, first == 0 ? 0 : first + shown - 1, items,
                page > 1 ? href(request, Math.min(page - 1, pages)) : null,
                page < pages ? href(request, page + 1) : null);
    }

    /** Whether there is more than one page to move between. */
    public boolean shown() {
        return pages > 1;
    }

    /** This page's address with every parameter as it was sent and another page. */
    private static String href(HttpServletRequest request, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(request.getRequestURI());
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!parameter.getKey().equals("page") && !parameter.getKey().equals("_csrf")) {
                uri.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
            }
        }
        return uri.queryParam("page", page).build().encode().toUriString();
    }
}
