package dev.llmsafe.identity;

/** One commit trailer as git reads it: the key before the separator, the value unfolded onto one line. */
public record Trailer(String key, String value) {
    @Override
    public String toString() {
        return key + ": " + value;
    }
}
