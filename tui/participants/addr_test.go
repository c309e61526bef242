package participants

import (
	"net"
	"testing"
)

func TestAnAddressWithoutAPortGetsAFreeOneAndNoAddressTheLocalNetwork(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1":      "127.0.0.1:0",
		"127.0.0.1:8080": "127.0.0.1:8080",
		":8080":          ":8080",
		"localhost":      "localhost:0",
		"::1":            "[::1]:0",
		"[::1]":          "[::1]:0",
		"[::1]:9000":     "[::1]:9000",
	} {
		if got := listenAddr(addr); got != want {
			t.Errorf("listenAddr(%q) = %q, want %q", addr, got, want)
		}
	}
	// "" is this machine's address on the local network: private IPv4, or
	// the loopback when it has none. (Nothing is sent there.)
	host, port, err := net.SplitHostPort(listenAddr(""))
	ip := net.ParseIP(host)
	if err != nil || port != "0" || ip == nil || ip.To4() == nil || !(ip.IsPrivate() || ip.IsLoopback()) {
		t.Fatalf("listenAddr(\"\") = %q", listenAddr(""))
	}
}

func TestARoomListeningOnEveryInterfaceGivesTheLocalNetworkAddressInItsURL(t *testing.T) {
	got := urlHost(&net.TCPAddr{IP: net.IPv4zero, Port: 8080})
	host, port, _ := net.SplitHostPort(got)
	if port != "8080" || host != lanIPv4().String() {
		t.Fatalf("urlHost(0.0.0.0:8080) = %q", got)
	}
	if got := urlHost(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 5}); got != "127.0.0.1:5" {
		t.Fatalf("urlHost(127.0.0.1:5) = %q", got)
	}
}

func TestVirtualInterfacesAreNotTheRoomsNetwork(t *testing.T) {
	for name, want := range map[string]bool{"docker0": true, "br-1a2b": true, "veth12": true, "vboxnet0": true, "utun3": true,
		"eth0": false, "wlan0": false, "en0": false, "wlp2s0": false, "Wi-Fi": false} {
		if virtual(name) != want {
			t.Errorf("virtual(%q) = %v", name, !want)
		}
	}
}
