/** The accounts service: users and their public profiles. */
package dev.facet.downstream.accounts;
