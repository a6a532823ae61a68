void a(void);
void b(void);
int c(int);
int _start(void) { a(); b(); return c(1); }
