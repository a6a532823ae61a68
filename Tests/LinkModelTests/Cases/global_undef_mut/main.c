void bump(void);
void _start(void) { bump(); }
