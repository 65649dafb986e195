package dev.facet.graph;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An amount of money in a currency")
public record Money(
        @NonNull @Description("In the currency's main unit, e.g. 12.34") BigDecimal amount,
        @NonNull @Description("ISO-4217 code, e.g. EUR") String currency,
        @NonNull @Description("For display, e.g. €12.34") String formatted) {

    /** The services count money in the currency's minor unit (cents). */
    public static Money ofMinorUnits(long minorUnits, String currencyCode) {
        int fractionDigits = fractionDigits(currencyCode);
        BigDecimal amount = BigDecimal.valueOf(minorUnits, fractionDigits);
        return new Money(amount, currencyCode, format(amount, currencyCode));
    }

    private static int fractionDigits(String currencyCode) {
        try {
            return Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return 2;
        }
    }

    private static String format(BigDecimal amount, String currencyCode) {
        String symbol;
        try {
            symbol = Currency.getInstance(currencyCode).getSymbol(Locale.ENGLISH);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            symbol = String.valueOf(currencyCode);
        }
        // "€12.34" but "CHF 12.34": a symbol made of letters needs a space to stay readable.
        String separator = Character.isLetter(symbol.charAt(symbol.length() - 1)) ? " " : "";
        return symbol + separator + amount.toPlainString();
    }
}
