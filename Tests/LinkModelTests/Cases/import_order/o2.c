void mid(void);
void zeta(void);
void second(void) { mid(); zeta(); }
