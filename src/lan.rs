//! Where phones in the hall can reach this machine. Listening on every address
//! (`HAKAM_ADDR=0.0.0.0:3000`) lets the venue's Wi-Fi reach the server, but `0.0.0.0` is not
//! an address anyone can open: links and QR codes need one of the machine's own addresses on
//! the hall's network. The rule that picks it is [`reachable`], a plain function over the
//! interface list so it can be tested on made-up machines.

use std::net::{IpAddr, SocketAddr};

/// One address of one of the machine's network interfaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterfaceAddress {
    pub interface: String,
    pub ip: IpAddr,
}

/// The machine's addresses as the system lists them now (if-addrs leaves link-local ones
/// out); empty if they cannot be read.
pub fn interfaces() -> Vec<InterfaceAddress> {
    match if_addrs::get_if_addrs() {
        Ok(list) => list.into_iter().map(|i| InterfaceAddress { ip: i.ip(), interface: i.name }).collect(),
        Err(e) => {
            tracing::warn!(error = %e, "cannot list the network interfaces");
            Vec::new()
        }
    }
}

/// Interfaces that are not the machine's way onto the hall's network: container and VM
/// bridges, VPN tunnels. Their private addresses are only tried after the real ones.
const VIRTUAL_PREFIXES: &[&str] = &[
    "docker",
    "br-",
    "veth",
    "virbr",
    "vboxnet",
    "vmnet",
    "lxcbr",
    "lxdbr",
    "podman",
    "cni",
    "flannel",
    "tun",
    "tap",
    "wg",
    "tailscale",
    "zt",
    "utun",
];

fn is_virtual(interface: &str) -> bool {
    VIRTUAL_PREFIXES.iter().any(|p| interface.starts_with(p))
}

/// How likely a phone on the same Wi-Fi reaches an address, lowest first: a private IPv4
/// address (what a venue's router hands out), an IPv6 unique local address, another IPv4
/// address, a global IPv6 address.
fn class(ip: IpAddr) -> u8 {
    match ip {
        IpAddr::V4(v4) if v4.is_private() => 0,
        IpAddr::V6(v6) if (v6.segments()[0] & 0xfe00) == 0xfc00 => 1,
        IpAddr::V4(_) => 2,
        IpAddr::V6(_) => 3,
    }
}

fn usable(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => !(v4.is_loopback() || v4.is_unspecified() || v4.is_link_local() || v4.is_multicast()),
        // Link-local IPv6 addresses need a zone (`%wlan0`) that no phone's browser takes.
        IpAddr::V6(v6) => {
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (v6.segments()[0] & 0xffc0) == 0xfe80
                || v6.to_ipv4_mapped().is_some())
        }
    }
}

/// The addresses other machines can reach a server listening on `listen` at, best first;
/// empty unless `listen` is unspecified (`0.0.0.0` or `::`), since a server listening on one
/// address is reached at that address only. `0.0.0.0` takes IPv4 connections only; `::`
/// takes both (Linux's default dual stack). Private IPv4 addresses come first, then IPv6
/// unique local ones, other IPv4, global IPv6; within each, real interfaces before
/// container bridges and VPNs, then the system's order.
pub fn reachable(listen: IpAddr, interfaces: &[InterfaceAddress]) -> Vec<IpAddr> {
    if !listen.is_unspecified() {
        return Vec::new();
    }
    let mut found: Vec<(bool, u8, IpAddr)> = interfaces
        .iter()
        .filter(|i| usable(i.ip) && (listen.is_ipv6() || i.ip.is_ipv4()))
        .map(|i| (is_virtual(&i.interface), class(i.ip), i.ip))
        .collect();
    // A stable sort keeps the system's order among equals.
    found.sort_by_key(|(virt, class, _)| (*virt, *class));
    let mut ips: Vec<IpAddr> = Vec::new();
    for (_, _, ip) in found {
        if !ips.contains(&ip) {
            ips.push(ip);
        }
    }
    ips
}

/// `scheme://ip:port`, with IPv6 addresses in brackets.
pub fn url(scheme: &str, ip: IpAddr, port: u16) -> String {
    format!("{scheme}://{}", SocketAddr::new(ip, port))
}

/// The public URL when `HAKAM_PUBLIC_URL` is not set: `https` when Hakam serves TLS itself,
/// and the listening address, or when it listens on every address, the best one phones can
/// reach ([`reachable`]); `localhost` when the machine has no such address (not on a network).
pub fn default_public_url(listen: SocketAddr, tls: bool, interfaces: &[InterfaceAddress]) -> String {
    let scheme = if tls { "https" } else { "http" };
    if !listen.ip().is_unspecified() {
        return url(scheme, listen.ip(), listen.port());
    }
    match reachable(listen.ip(), interfaces).first() {
        Some(ip) => url(scheme, *ip, listen.port()),
        None => format!("{scheme}://localhost:{}", listen.port()),
    }
}

/// The same, reading the machine's interfaces only when the rule needs them.
pub fn public_url_for(listen: SocketAddr, tls: bool) -> String {
    let list = if listen.ip().is_unspecified() { interfaces() } else { Vec::new() };
    default_public_url(listen, tls, &list)
}

/// For the start-up log: every URL a phone on the hall's network may open.
pub fn hall_urls(listen: SocketAddr, tls: bool) -> Vec<String> {
    let scheme = if tls { "https" } else { "http" };
    reachable(listen.ip(), &interfaces()).into_iter().map(|ip| url(scheme, ip, listen.port())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    const ALL_V4: IpAddr = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
    const ALL_V6: IpAddr = IpAddr::V6(Ipv6Addr::UNSPECIFIED);

    fn at(interface: &str, ip: &str) -> InterfaceAddress {
        InterfaceAddress { interface: interface.into(), ip: ip.parse().unwrap() }
    }

    fn ips(list: &[&str]) -> Vec<IpAddr> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    /// A laptop on the venue's Wi-Fi that also runs Docker and a VPN, with IPv6 too.
    fn laptop() -> Vec<InterfaceAddress> {
        vec![
            at("lo", "127.0.0.1"),
            at("docker0", "172.17.0.1"),
            at("tun0", "10.8.0.6"),
            at("eth0", "41.250.10.20"),
            at("wlp2s0", "192.168.1.23"),
            at("lo", "::1"),
            at("wlp2s0", "2a01:cb00:1:2::23"),
            at("wlp2s0", "fd12:3456::23"),
        ]
    }

    #[test]
    fn a_server_on_one_address_is_reached_there_only() {
        assert!(reachable("127.0.0.1".parse().unwrap(), &laptop()).is_empty());
        assert!(reachable("192.168.1.23".parse().unwrap(), &laptop()).is_empty());
        let listen: SocketAddr = "127.0.0.1:3000".parse().unwrap();
        assert_eq!(default_public_url(listen, false, &laptop()), "http://127.0.0.1:3000");
        let listen: SocketAddr = "192.168.1.23:8080".parse().unwrap();
        assert_eq!(default_public_url(listen, true, &laptop()), "https://192.168.1.23:8080");
    }

    #[test]
    fn private_ipv4_on_a_real_interface_comes_first() {
        assert_eq!(reachable(ALL_V4, &laptop()), ips(&["192.168.1.23", "41.250.10.20", "172.17.0.1", "10.8.0.6"]));
        let listen = SocketAddr::new(ALL_V4, 3000);
        assert_eq!(default_public_url(listen, false, &laptop()), "http://192.168.1.23:3000");
        assert_eq!(default_public_url(listen, true, &laptop()), "https://192.168.1.23:3000");
    }

    #[test]
    fn listening_on_ipv6_any_also_offers_ipv6_addresses_after_private_ipv4() {
        assert_eq!(
            reachable(ALL_V6, &laptop()),
            ips(&["192.168.1.23", "fd12:3456::23", "41.250.10.20", "2a01:cb00:1:2::23", "172.17.0.1", "10.8.0.6"])
        );
        let only_v6 = vec![at("lo", "::1"), at("eth0", "2a01:cb00:1:2::23"), at("eth0", "fd12:3456::23")];
        let listen = SocketAddr::new(ALL_V6, 3000);
        assert_eq!(default_public_url(listen, false, &only_v6), "http://[fd12:3456::23]:3000");
        // An IPv4-only listener cannot be reached over IPv6.
        assert!(reachable(ALL_V4, &only_v6).is_empty());
    }

    #[test]
    fn loopback_link_local_and_repeats_are_left_out() {
        let list = vec![
            at("lo", "127.0.0.1"),
            at("eth0", "169.254.3.4"),
            at("eth0", "fe80::1"),
            at("wlan0", "10.0.0.5"),
            at("wlan0:1", "10.0.0.5"),
        ];
        assert_eq!(reachable(ALL_V6, &list), ips(&["10.0.0.5"]));
    }

    #[test]
    fn a_machine_off_every_network_falls_back_to_localhost() {
        let listen = SocketAddr::new(ALL_V4, 3000);
        assert_eq!(default_public_url(listen, false, &[at("lo", "127.0.0.1")]), "http://localhost:3000");
        assert_eq!(default_public_url(listen, true, &[]), "https://localhost:3000");
    }

    #[test]
    fn the_three_private_ipv4_ranges_count_as_private() {
        let list = vec![at("eth0", "100.64.0.9"), at("eth1", "172.20.1.1"), at("eth2", "10.1.2.3")];
        assert_eq!(reachable(ALL_V4, &list), ips(&["172.20.1.1", "10.1.2.3", "100.64.0.9"]));
    }
}
