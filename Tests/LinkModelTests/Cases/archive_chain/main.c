void a(void);
void _start(void) { a(); }
