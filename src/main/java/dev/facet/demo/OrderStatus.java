package dev.facet.demo;

public enum OrderStatus {
    PLACED, PAID, SHIPPED, DELIVERED, CANCELLED
}
