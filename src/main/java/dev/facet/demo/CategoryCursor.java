package dev.facet.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * The catalog's page cursor: the number of the last product of the previous page, base64url
 * encoded so clients treat it as opaque rather than doing arithmetic on it.
 */
final class CategoryCursor {

    private CategoryCursor() {
    }

    static String encode(int lastProductNumber) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ShopWorld.productId(lastProductNumber).getBytes(StandardCharsets.UTF_8));
    }

    /** The last product number a cursor stands for; empty for anything this service did not issue. */
    static OptionalInt decode(String cursor) {
        String productId;
        try {
            productId = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
        return ShopWorld.productNumber(productId);
    }
}
