package dev.facet.graph.mobile;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

/**
 * The home screen of the signed-in user. It holds only the user id, so that greeting, recommendations and recent
 * orders are all resolved side by side as soon as the screen is asked for.
 */
@Description("The signed-in user's home screen")
public final class Home {

    private final String userId;

    Home(String userId) {
        this.userId = userId;
    }

    @Ignore
    String userId() {
        return userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Home home && home.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }
}
