int dup = 1;
void needed(void);
void _start(void) { needed(); }
