package org.clinicbooking.user.validation;

/** The phone number format: E.164, a plus sign and 7 to 15 digits, e.g. +254712345678. */
public final class PhoneNumbers {

    public static final String PATTERN = "^\\+[1-9][0-9]{6,14}$";
    public static final String MESSAGE = "must be an E.164 number such as +254712345678";

    private PhoneNumbers() {}
}
