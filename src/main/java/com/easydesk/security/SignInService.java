package com.easydesk.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import com.easydesk.person.PersonService;

@Service
class SignInService implements UserDetailsService {

    private final PersonService people;

    SignInService(PersonService people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return people.findByEmail(email)
                .filter(person -> person.getPasswordHash() != null)
                .map(SignedInPerson::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
