package dev.llmsafe.reaper;

/** What the reaper does with one preview stack, and why. */
public record ReapDecision(String stack, boolean destroy, String reason) {}
