package org.clinicbooking.billing.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Formats amounts the way the API shows money: a decimal string with the currency's scale, such as "45.00". */
public final class Money {

    /** DECIMAL(12,2) keeps two decimals, so no currency is shown or accepted with more. */
    public static final int MAX_SCALE = 2;

    private Money() {}

    /**
     * Returns the decimals of the currency's minor unit, at most {@value #MAX_SCALE}: 2 for KES and USD,
     * 0 for JPY. An unknown code gets {@value #MAX_SCALE}.
     */
    public static int scale(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? MAX_SCALE : Math.min(digits, MAX_SCALE);
        } catch (IllegalArgumentException e) {
            return MAX_SCALE;
        }
    }

    /** Writes the amount with the currency's scale, or with more decimals when the amount has them. */
    public static String format(BigDecimal amount, String currency) {
        int needed = Math.max(0, amount.stripTrailingZeros().scale());
        int scale = Math.max(scale(currency), Math.min(needed, MAX_SCALE));
        return amount.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }
}
