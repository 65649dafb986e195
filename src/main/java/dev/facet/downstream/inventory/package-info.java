/** The inventory service: how many of a product are available. */
package dev.facet.downstream.inventory;
