void sm(void) {}
