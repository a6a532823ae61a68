void n(void);
void _start(void) { n(); }
