void hp(void);
void other(void) { hp(); }
