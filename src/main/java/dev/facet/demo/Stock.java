package dev.facet.demo;

public record Stock(String productId, int available, String warehouse) {
}
