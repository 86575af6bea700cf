package org.clinicbooking.kit.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, with the totals a client needs to page through the rest. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, totalPages);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        List<R> mapped = items.stream().<R>map(mapper).toList();
        return new Page<>(mapped, page, size, totalItems, totalPages);
    }
}
