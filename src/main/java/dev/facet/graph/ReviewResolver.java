package dev.facet.graph;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

/** The authors of reviews, all reviews of a level in one accounts call. */
@GraphQLApi
public class ReviewResolver {

    private final ShopLoaders loaders;

    ReviewResolver(ShopLoaders loaders) {
        this.loaders = loaders;
    }

    @Description("The author's public profile; null when the accounts service cannot say")
    public Uni<List<PublicProfile>> author(@Source List<Review> reviews) {
        List<String> authorIds = reviews.stream().map(Review::authorId).toList();
        return loaders.users(authorIds)
                .map(found -> SourceOrder.align(reviews, Review::authorId, found, PublicProfile::from));
    }
}
