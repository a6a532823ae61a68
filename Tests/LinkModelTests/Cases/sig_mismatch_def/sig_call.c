int sm(int);
int _start(void) { return sm(1); }
