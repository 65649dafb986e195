package dev.facet.downstream.accounts;

/** A user as the accounts service answers it. */
public record UserDto(String id, String name, String email, String tier, String avatarUrl, String memberSince) {
}
