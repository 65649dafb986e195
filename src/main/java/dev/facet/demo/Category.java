package dev.facet.demo;

public record Category(String id, String name) {
}
