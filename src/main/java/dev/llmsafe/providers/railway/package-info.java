/**
 * Typed bindings for the Railway resources llm-safe declares: the Terraform provider
 * {@code terraform-community-providers/railway} 0.6.2 run through Pulumi's parameterized {@code terraform-provider}
 * bridge. Tokens are {@code railway:index/<lowerCamel>:<UpperCamel>} and properties are the provider's snake_case
 * attributes in lowerCamelCase; {@code RailwayBindingsSchemaTest} holds every binding against the provider's docs.
 */
package dev.llmsafe.providers.railway;
