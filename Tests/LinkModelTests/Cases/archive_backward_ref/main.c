void two(void);
void _start(void) { two(); }
