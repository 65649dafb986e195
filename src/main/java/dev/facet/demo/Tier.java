package dev.facet.demo;

public enum Tier {
    STANDARD, GOLD, PLATINUM
}
