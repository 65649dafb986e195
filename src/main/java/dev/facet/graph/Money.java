package dev.facet.graph;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An amount of money in a currency")
public record Money(
        @NonNull @Description("In the currency's main unit, e.g. 12.34") BigDecimal amount,
        @NonNull @Description("ISO-4217 code, e.g. EUR") String currency,
        @NonNull @Description("For display, e.g. €12.34") String formatted) {

    private static final Map<String, String> PREFIXES = new ConcurrentHashMap<>();

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
        return prefix(currencyCode) + amount.toPlainString();
    }

    /**
     * "€" but "CHF ": a symbol made of letters needs a space to stay readable. The JDK looks a symbol up through its
     * locale providers on every call, once per price on a page of products: each ISO currency's prefix is kept
     * (a few hundred at most); anything else is worked out each time and never kept.
     */
    private static String prefix(String currencyCode) {
        String known = currencyCode == null ? null : PREFIXES.get(currencyCode);
        if (known != null) {
            return known;
        }
        String symbol;
        boolean iso;
        try {
            symbol = Currency.getInstance(currencyCode).getSymbol(Locale.ENGLISH);
            iso = true;
        } catch (IllegalArgumentException | NullPointerException unknown) {
            symbol = String.valueOf(currencyCode);
            iso = false;
        }
        String prefix = !symbol.isEmpty() && Character.isLetter(symbol.charAt(symbol.length() - 1)) ? symbol + " "
                : symbol;
        if (iso) {
            PREFIXES.put(currencyCode, prefix);
        }
        return prefix;
    }
}
