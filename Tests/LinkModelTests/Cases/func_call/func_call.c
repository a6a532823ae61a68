void foo(int);
void _start(void) {
  foo(1);
  foo(2);
}
