int dup = 2;
void needed(void) {}
