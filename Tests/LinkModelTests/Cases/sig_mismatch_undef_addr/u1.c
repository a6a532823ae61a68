void u2(void);
int sm(int);
int _start(void) { u2(); return sm(1); }
