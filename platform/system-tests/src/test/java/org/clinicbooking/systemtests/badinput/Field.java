package org.clinicbooking.systemtests.badinput;

import java.util.List;

/**
 * The kind of a JSON field, which decides the invalid values the suite puts in it. No value here
 * may be one that Jackson coerces into a valid one: a number for a text field becomes its digits,
 * and a number for an enum picks the constant at that index.
 */
enum Field {
    ID(List.of("not-a-uuid", 12345, "1' OR '1'='1", "00000000-0000-0000-0000-00000000000Z")),
    TEXT(List.of("x".repeat(5_000), List.of("an", "array"), java.util.Map.of("an", "object"))),
    SHORT_TEXT(List.of("y".repeat(300), List.of("an", "array"))),
    COUNT(List.of("abc", -1, 2_147_483_648_000L, "<script>")),
    RATING(List.of(0, 6, 1e10, "five")),
    MONEY(List.of("-5.00", "1e308", "10.001", "12345678901.00", "ten", false)),
    CURRENCY(List.of("US'D", "XXXX", 840)),
    EMAIL(List.of("not-an-email", "a@" + "b".repeat(300) + ".example", "x'; DROP TABLE app_user;--@e.example")),
    INSTANT(List.of(
            "2026-02-30T10:00:00Z",
            "2030-01-01T10:00:00+25:00",
            "tomorrow",
            "2030-01-01T10:00:00",
            "2030-01-01",
            "+999999999-12-31T23:59:59Z",
            17)),
    TIME(List.of("25:00", "9am", "09:60", 900)),
    DATE(List.of("1990-02-30", "2990-01-01", "01/02/1990", 19900101)),
    TIME_ZONE(List.of("Mars/Olympus_Mons", "UTC'; DROP TABLE clinic;--", "+99:00")),
    PHONE(List.of("call me", "+" + "1".repeat(40), "<script>")),
    APPOINTMENT_STATUS(List.of("PAID", "booked ", "<script>alert(1)</script>")),
    PAYMENT_METHOD(List.of("BITCOIN", "cash")),
    ROLE(List.of("GOD", "admin' OR '1'='1")),
    DAY_OF_WEEK(List.of("FUNDAY", "8", "MON")),
    CODE(List.of("x'; DROP TABLE medical_service;--", "-starts-with-hyphen", "z".repeat(65)));

    private final List<Object> invalidValues;

    Field(List<Object> invalidValues) {
        this.invalidValues = invalidValues;
    }

    List<Object> invalidValues() {
        return invalidValues;
    }
}
