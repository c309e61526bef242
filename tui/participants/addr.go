package participants

import (
	"net"
	"strings"
)

// listenAddr turns Config.Addr into an address to listen on: "" is the
// laptop's address on the local network, a host without a port gets a free
// port (":0").
func listenAddr(addr string) string {
	if addr == "" {
		return net.JoinHostPort(lanIPv4().String(), "0")
	}
	if _, _, err := net.SplitHostPort(addr); err == nil {
		return addr
	}
	host := strings.TrimSuffix(strings.TrimPrefix(addr, "["), "]")
	return net.JoinHostPort(host, "0")
}

// urlHost is the host:port participants reach a listener on: the listening
// address, or the local network address when it listens on every interface
// (":8080", "0.0.0.0:8080").
func urlHost(l net.Addr) string {
	host, port, err := net.SplitHostPort(l.String())
	if err != nil {
		return l.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = lanIPv4().String()
	}
	return net.JoinHostPort(host, port)
}

// virtualPrefixes name interfaces of containers, virtual machines and
// tunnels: up and private, but no participant's phone reaches them.
var virtualPrefixes = []string{"docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "cni", "flannel", "tun", "tap", "utun", "wg", "zt", "lxc", "lxd"}

// lanIPv4 is the laptop's address on the room's network: the first private
// IPv4 address of an interface that is up, not the loopback and not a
// virtual one (containers, virtual machines, VPNs); 127.0.0.1 when there is
// none, so the page still works on the laptop itself.
func lanIPv4() net.IP {
	ifaces, err := net.Interfaces()
	if err != nil {
		return net.IPv4(127, 0, 0, 1)
	}
	var fallback net.IP
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ip := ipn.IP.To4()
			if ip == nil || !ip.IsPrivate() {
				continue
			}
			if !virtual(ifc.Name) {
				return ip
			}
			if fallback == nil {
				fallback = ip
			}
		}
	}
	if fallback != nil {
		return fallback
	}
	return net.IPv4(127, 0, 0, 1)
}

func virtual(name string) bool {
	name = strings.ToLower(name)
	for _, p := range virtualPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
