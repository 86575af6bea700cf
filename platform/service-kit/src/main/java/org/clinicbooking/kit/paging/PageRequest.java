package org.clinicbooking.kit.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} (zero-based) and {@code size} query parameters of every listing. A resource
 * takes it as {@code @BeanParam @Valid PageRequest}; sizes above {@value #MAX_SIZE} are rejected.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE)
    int size;

    public PageRequest() {}

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        return request;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public int offset() {
        return page * size;
    }
}
