package dev.facet.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Prices as the services send them (minor units and a currency code) and as the shop displays them. */
class MoneyTests {

    @Test
    void aSymbolGoesBeforeTheAmountAndLettersGetASpace() {
        assertEquals(new Money(new BigDecimal("12.34"), "EUR", "€12.34"), Money.ofMinorUnits(1234, "EUR"));
        assertEquals("CHF 12.34", Money.ofMinorUnits(1234, "CHF").formatted());
        assertEquals("$0.05", Money.ofMinorUnits(5, "USD").formatted());
    }

    @Test
    void theCurrencyDecidesHowManyDigitsAreMinor() {
        assertEquals(new BigDecimal("1234"), Money.ofMinorUnits(1234, "JPY").amount());
        assertEquals("¥1234", Money.ofMinorUnits(1234, "JPY").formatted());
        assertEquals("BHD 1.234", Money.ofMinorUnits(1234, "BHD").formatted());
    }

    @Test
    void theSameCurrencyFormatsTheSameEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertEquals("€0.99", Money.ofMinorUnits(99, "EUR").formatted());
            assertEquals("CHF 0.99", Money.ofMinorUnits(99, "CHF").formatted());
        }
    }

    @Test
    void aCodeThatIsNoCurrencyIsShownAsItCame() {
        assertEquals("XYZ 12.34", Money.ofMinorUnits(1234, "XYZ").formatted());
        assertEquals("12.34", Money.ofMinorUnits(1234, "").formatted());
    }
}
