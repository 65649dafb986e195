package dev.facet.demo;

/** {@code memberSince} is an ISO-8601 UTC string, kept as text so no mapper setting can change its format. */
public record User(String id, String name, String email, Tier tier, String avatarUrl, String memberSince) {
}
