void unrelated(void) {}
