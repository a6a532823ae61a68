template <class T> struct Box { static T get(); };
template <class A, class B> struct Pair {};
namespace ns { struct V { V operator>>(int) const; bool operator<(const V &) const; }; }
extern "C" int _start() {
  Box<Pair<int, Box<char>>>::get();
  Box<Box<Box<long>>>::get();
  ns::V v;
  (void)(v >> 1);
  return v < v;
}
