void thing(void);
void _start(void) { thing(); }
