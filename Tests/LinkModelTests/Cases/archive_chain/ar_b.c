void c(void);
void b(void) { c(); }
