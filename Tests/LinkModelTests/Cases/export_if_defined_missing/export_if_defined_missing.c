void present_missing(void);
void present(void) { present_missing(); }
void _start(void) {}
