package dev.facet.graph;

public enum OrderStatus {
    PLACED, PAID, SHIPPED, DELIVERED, CANCELLED
}
