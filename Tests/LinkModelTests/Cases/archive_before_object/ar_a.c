void bfoo(void);
void afoo(void) { bfoo(); }
