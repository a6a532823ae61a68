void raise(void);
void _start(void) { raise(); }
