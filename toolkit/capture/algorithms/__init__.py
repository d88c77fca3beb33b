"""Pure algorithms behind the capture kinds (no pydantic, so they are easy to property-test):
fair rankings, speed-dating schedules and stable matchings."""
