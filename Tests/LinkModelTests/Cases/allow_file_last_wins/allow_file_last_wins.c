void in_first(void);
void in_second(void);
void _start(void) { in_first(); in_second(); }
