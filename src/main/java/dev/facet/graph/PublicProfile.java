package dev.facet.graph;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.facet.downstream.accounts.UserDto;

/** Deliberately not {@link User}: a review's author must not expose another user's email or orders. */
@Description("What anyone may see of a user")
public record PublicProfile(@NonNull String name, String avatarUrl) {

    static PublicProfile from(UserDto dto) {
        return new PublicProfile(dto.name(), dto.avatarUrl());
    }
}
